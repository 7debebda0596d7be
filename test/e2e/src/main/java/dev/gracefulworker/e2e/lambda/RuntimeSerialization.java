package dev.gracefulworker.e2e.lambda;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Chooses serializers the way the Lambda Java runtime does: a {@link CustomPojoSerializer} the function ships (found by
 * ServiceLoader) first, then Lambda event classes (SNSEvent…) through the runtime's event serializers, every other type
 * through its Jackson factory; all typed by the handler's declared generic parameters, not the runtime classes.
 */
final class RuntimeSerialization {

    private RuntimeSerialization() {
    }

    /** The serializer the runtime would use for values of {@code type}. */
    static PojoSerializer<Object> serializerFor(Type type) {
        Optional<CustomPojoSerializer> custom = ServiceLoader.load(CustomPojoSerializer.class,
                RuntimeSerialization.class.getClassLoader()).findFirst();
        if (custom.isPresent()) {
            return new CustomSerializer(custom.get(), type);
        }
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            @SuppressWarnings("unchecked")
            Class<Object> asObjectClass = (Class<Object>) eventClass;
            return LambdaEventSerializers.serializerFor(asObjectClass, RuntimeSerialization.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /**
     * The {@code I} and {@code O} of {@code RequestHandler<I, O>} as the handler class binds them, also through generic
     * base classes ({@code class H extends Base<In, Out>}, {@code Base<I, O> implements RequestHandler<I, O>}).
     */
    static HandlerTypes typesOf(Class<?> handlerClass) {
        Type[] arguments = requestHandlerArguments(handlerClass, Map.of())
                .filter(types -> Arrays.stream(types).noneMatch(TypeVariable.class::isInstance))
                .orElseThrow(() -> new IllegalArgumentException(handlerClass.getName()
                        + " does not implement RequestHandler with concrete type parameters"));
        return new HandlerTypes(arguments[0], arguments[1]);
    }

    private static Optional<Type[]> requestHandlerArguments(Type type, Map<TypeVariable<?>, Type> outerBindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> variable
                        ? outerBindings.getOrDefault(variable, variable) : argument);
            }
            if (raw == RequestHandler.class) {
                return Optional.of(new Type[] {bindings.get(variables[0]), bindings.get(variables[1])});
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
        } else {
            return Optional.empty();
        }
        List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Optional<Type[]> found = requestHandlerArguments(supertype, bindings);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A function's own serializer, bound to one declared type. */
    private record CustomSerializer(CustomPojoSerializer serializer, Type type) implements PojoSerializer<Object> {
        @Override
        public Object fromJson(InputStream input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public Object fromJson(String input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            serializer.toJson(value, output, type);
        }
    }

    /** The declared input and output types of a handler. */
    record HandlerTypes(Type input, Type output) {
    }
}
