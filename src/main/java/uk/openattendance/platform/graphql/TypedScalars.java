package uk.openattendance.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date, DateTime and LocalTime from graphql-java-extended-scalars. Two adjustments, both so GraphQL writes what REST
 * writes: the services keep instants as {@link Instant} (the extended DateTime takes only offset date-times), so an
 * Instant is written at UTC; and school times are "08:45" as policies and REST write them, not "08:45:00".
 */
final class TypedScalars {
    private static final DateTimeFormatter SCHOOL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private TypedScalars() {}

    static void wire(RuntimeWiring.Builder runtime) {
        runtime.scalar(ExtendedScalars.Date);
        runtime.scalar(adjusted(ExtendedScalars.DateTime, value -> value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : value, null));
        runtime.scalar(adjusted(ExtendedScalars.LocalTime, value -> value, value -> value instanceof LocalTime t && t.getSecond() == 0 && t.getNano() == 0
                ? SCHOOL_TIME.format(t) : null));
    }

    private interface Before {
        Object apply(Object value);
    }

    private interface Writer {
        String write(Object value);
    }

    /** The extended scalar's parsing as it is; its writing after {@code before}, unless {@code writer} writes the value itself. */
    @SuppressWarnings("unchecked")
    private static GraphQLScalarType adjusted(GraphQLScalarType base, Before before, Writer writer) {
        Coercing<Object, Object> inner = (Coercing<Object, Object>) base.getCoercing();
        Coercing<Object, Object> coercing = new Coercing<>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                String own = writer == null ? null : writer.write(value);
                return own != null ? own : inner.serialize(before.apply(value), context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return inner.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return inner.parseLiteral(input, variables, context, locale);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return inner.valueToLiteral(before.apply(input), context, locale);
            }
        };
        return base.transform(b -> b.coercing(coercing));
    }
}
