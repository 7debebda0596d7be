package dev.gracefulworker.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts probe mains in fresh JVMs configured like the deployed function: the stack's JAVA_TOOL_OPTIONS, the
 * function's memory as the JVM's view of the machine (so heap size and garbage collector are chosen as in a
 * Lambda sandbox of that size), the shaded jar on the class path, and only the handler's environment.
 */
public final class HandlerJvm {

    /** What the stack sets on every function (cdk JavaFunction.JAVA_TOOL_OPTIONS). */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Path java;
    private final List<Path> classpath;
    private final int memoryMb;
    private final Path logDir;
    private final boolean profile;
    private final String javaToolOptions;

    /**
     * {@code profile}: each JVM also records a flight recording and logs the classes it loads, next to its log.
     * {@code javaToolOptions}: what JAVA_TOOL_OPTIONS holds (the stack's value unless an experiment says otherwise).
     */
    public HandlerJvm(Path java, List<Path> classpath, int memoryMb, Path logDir, boolean profile, String javaToolOptions) {
        this.java = java;
        this.classpath = List.copyOf(classpath);
        this.memoryMb = memoryMb;
        this.logDir = logDir;
        this.profile = profile;
        this.javaToolOptions = javaToolOptions;
    }

    /**
     * Runs {@code mainClass} to completion and returns the wall-clock microsecond just before the process started.
     * Its output goes to {@code <logDir>/<logName>.log}; a non-zero exit fails with that log's end.
     */
    public long run(String mainClass, List<String> args, Map<String, String> environment, String logName) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:MaxRAM=" + memoryMb + "m"));
        if (profile) {
            command.add("-XX:StartFlightRecording:filename=" + logDir.resolve(logName + ".jfr") + ",settings=profile");
            command.add("-Xlog:class+load=info:file=" + logDir.resolve(logName + ".classes.log"));
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), mainClass));
        command.addAll(args);
        Path log = logDir.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> withOptions = new HashMap<>(environment);
        withOptions.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        return Processes.runToEnd(Processes.isolated(builder, withOptions), log, mainClass);
    }
}
