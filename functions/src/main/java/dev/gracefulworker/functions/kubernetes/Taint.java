package dev.gracefulworker.functions.kubernetes;

/** A node taint. */
public record Taint(String key, String value, String effect) {

    public boolean sameKeyAndEffect(Taint other) {
        return key.equals(other.key) && effect.equals(other.effect);
    }
}
