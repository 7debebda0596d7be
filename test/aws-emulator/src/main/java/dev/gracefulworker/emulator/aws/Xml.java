package dev.gracefulworker.emulator.aws;

/** The little XML writing the query protocols need: escaped text inside elements. */
final class Xml {

  private Xml() {}

  /** {@code <name>text</name>}, with the text escaped; an empty element when the text is null. */
  static String element(String name, Object text) {
    if (text == null) {
      return "<" + name + "/>";
    }
    return "<" + name + ">" + escape(String.valueOf(text)) + "</" + name + ">";
  }

  static String escape(String text) {
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
