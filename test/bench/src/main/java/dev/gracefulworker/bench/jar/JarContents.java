package dev.gracefulworker.bench.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What the shaded jar is made of: its size, its classes, and which packages take the most (compressed) room,
 * grouped so that each group is one library or one AWS service.
 *
 * @param bytes   file size
 * @param classes .class entries
 * @param largest the largest groups, largest first, with their compressed bytes
 */
public record JarContents(Path jar, long bytes, int classes, List<Map.Entry<String, Long>> largest) {

    /** Prefixes whose next segment names the library or service (awssdk/services/ec2, openapi/models...). */
    private static final List<String> ONE_MORE_SEGMENT = List.of("software/amazon/awssdk/services/",
            "io/kubernetes/client/openapi/", "org/bouncycastle/", "org/apache/", "com/amazonaws/services/");

    public static JarContents of(Path jar, int groups) {
        Map<String, Long> sizes = new HashMap<>();
        int classes = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getName().endsWith(".class")) {
                    classes++;
                }
                sizes.merge(group(entry.getName()), entry.getCompressedSize(), Long::sum);
            }
            List<Map.Entry<String, Long>> largest = sizes.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(groups)
                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                    .toList();
            return new JarContents(jar, Files.size(jar), classes, largest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** The group of an entry: three path segments, one more under the prefixes that hold many libraries. */
    static String group(String entryName) {
        String[] segments = entryName.split("/");
        int depth = 3;
        for (String prefix : ONE_MORE_SEGMENT) {
            if (entryName.startsWith(prefix)) {
                depth = (int) prefix.chars().filter(c -> c == '/').count() + 1;
            }
        }
        int kept = Math.min(depth, segments.length - 1);
        return kept <= 0 ? "(root)" : String.join("/", Arrays.copyOf(segments, kept)) + "/";
    }
}
