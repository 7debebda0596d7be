package dev.gracefulworker.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: constructs one handler as Lambda does and handles one event, recording when each step ended.
 * Arguments: handler class, input JSON file, output JSON file.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long mainAt = ProcessFigures.epochMicros();
        long classesAtMain = ProcessFigures.classesLoaded();

        HandlerUnderTest handler = HandlerUnderTest.construct(args[0]);
        long constructedAt = ProcessFigures.epochMicros();
        long classesConstructed = ProcessFigures.classesLoaded();

        // the event arrives as bytes: reading it belongs to the first event's cost
        byte[] output = handler.invoke(Files.readAllBytes(Path.of(args[1])));
        long firstEventAt = ProcessFigures.epochMicros();
        long classesFirstEvent = ProcessFigures.classesLoaded();

        new ObjectMapper().writeValue(Path.of(args[2]).toFile(), new ColdStartSample(mainAt, constructedAt, firstEventAt,
                classesAtMain, classesConstructed, classesFirstEvent, ProcessFigures.peakRssKb(),
                new String(output, StandardCharsets.UTF_8)));
    }
}
