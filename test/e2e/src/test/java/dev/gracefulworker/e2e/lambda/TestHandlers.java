package dev.gracefulworker.e2e.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Small handlers shaped like the real ones (records in, records or sealed results out), to exercise the runtime's serializers. */
public final class TestHandlers {

    private TestHandlers() {
    }

    /** Input of the greeters. */
    public record Person(String name, int visits) {
    }

    /** Input of {@link #nameEcho()}: the execution's name and start time. */
    public record Stamp(String name, String startedAt) {
    }

    /** Output of the greeters. */
    public record Greeting(String text, List<String> names) {
    }

    /** A typed result whose JSON carries one {@code status} field, like the workflow's DrainProgress. */
    public sealed interface Progress permits Progress.Done, Progress.Waiting {
        /** DONE or WAITING. */
        String status();

        /** Finished. */
        record Done(String status, int polls) implements Progress {
        }

        /** Still going. */
        record Waiting(String status, int polls, int nextWaitSeconds) implements Progress {
        }
    }

    /** Greets a person; throws IllegalArgumentException when the name is missing. */
    public static RequestHandler<Person, Greeting> greeter() {
        return new Greeter();
    }

    /** Greets with a null list of names. */
    public static RequestHandler<Person, Greeting> nullableGreeter() {
        return new NullableGreeter();
    }

    /** Echoes the stamp as a greeting: text = name, names = [startedAt]. */
    public static RequestHandler<Stamp, Greeting> nameEcho() {
        return new NameEcho();
    }

    /** Declares the sealed interface as its output type. */
    public static RequestHandler<Person, Progress> progressReporter() {
        return new ProgressReporter();
    }

    /** Typed through a generic base class, as a family of task handlers may be. */
    public static RequestHandler<Person, Greeting> inheritedGreeter() {
        return new InheritedGreeter();
    }

    /** Offers both interfaces; its stream side writes with its own mapper, null fields included. */
    public static RequestHandler<Person, Greeting> streamingGreeter() {
        return new StreamingGreeter();
    }

    /** Returns the first SNS message; throws IllegalStateException for a message that contains "malformed". */
    public static RequestHandler<SNSEvent, String> snsReader() {
        return new SnsReader();
    }

    private abstract static class GreeterBase<I, O> implements RequestHandler<I, O> {
    }

    private static final class InheritedGreeter extends GreeterBase<Person, Greeting> {
        @Override
        public Greeting handleRequest(Person person, Context context) {
            return new Greeting("Hello " + person.name(), List.of());
        }
    }

    private static final class StreamingGreeter implements RequestHandler<Person, Greeting>, RequestStreamHandler {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Greeting handleRequest(Person person, Context context) {
            return new Greeting("Hello " + person.name() + " from the stream side", null);
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            JSON.writeValue(output, handleRequest(JSON.readValue(input, Person.class), context));
        }
    }

    private static final class Greeter implements RequestHandler<Person, Greeting> {
        @Override
        public Greeting handleRequest(Person person, Context context) {
            if (person.name() == null) {
                throw new IllegalArgumentException("name is missing");
            }
            return new Greeting("Hello " + person.name() + " (" + person.visits() + ")", List.of(person.name()));
        }
    }

    private static final class NullableGreeter implements RequestHandler<Person, Greeting> {
        @Override
        public Greeting handleRequest(Person person, Context context) {
            return new Greeting("Hello " + person.name(), null);
        }
    }

    private static final class NameEcho implements RequestHandler<Stamp, Greeting> {
        @Override
        public Greeting handleRequest(Stamp stamp, Context context) {
            return new Greeting(stamp.name(), List.of(stamp.startedAt()));
        }
    }

    private static final class ProgressReporter implements RequestHandler<Person, Progress> {
        @Override
        public Progress handleRequest(Person person, Context context) {
            return person.visits() >= 2
                    ? new Progress.Done("DONE", person.visits())
                    : new Progress.Waiting("WAITING", person.visits(), 30);
        }
    }

    private static final class SnsReader implements RequestHandler<SNSEvent, String> {
        @Override
        public String handleRequest(SNSEvent event, Context context) {
            String message = event.getRecords().getFirst().getSNS().getMessage();
            if (message.contains("malformed")) {
                throw new IllegalStateException("malformed message");
            }
            return message;
        }
    }
}
