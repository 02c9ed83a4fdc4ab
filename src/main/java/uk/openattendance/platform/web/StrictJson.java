package uk.openattendance.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Jackson is lenient by default: {@code "dateOfBirth": 12} becomes 13 January 1970. A wrong type must be refused with
 * the field named, never guessed at, so leniency is off for every date and time.
 *
 * <p>The one strict body binder: every request object of ours is read only from a JSON object. Jackson would otherwise
 * hand a scalar ({@code 42}, {@code true}, {@code "x"}) to Micronaut's record instantiator, which fails with an
 * unchecked error (a 500) instead of a refusal naming the field. Dates are kept to the years a DATE column holds.
 */
@Singleton
public class StrictJson implements BeanCreatedEventListener<ObjectMapper> {
    private static final String OURS = "uk.openattendance.";

    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        ObjectMapper mapper = event.getBean();
        mapper.setDefaultLeniency(false);
        mapper.registerModule(new SimpleModule("objects-only").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                if (bean.getBeanClass() == LocalDate.class) {
                    return new StorableDates(deserializer);
                }
                return bean.getBeanClass().getName().startsWith(OURS) && !bean.getBeanClass().isEnum() ? new ObjectsOnly(deserializer) : deserializer;
            }
        }));
        return mapper;
    }

    /** A date a DATE column can hold: "+292278994-08-17" is ISO-8601, but no register is kept in that year. */
    static final class StorableDates extends DelegatingDeserializer {
        StorableDates(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new StorableDates(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof LocalDate d && !uk.openattendance.platform.web.StoredDates.storable(d)) {
                return ctxt.handleWeirdStringValue(LocalDate.class, p.getText(), "a date between 1000-01-01 and 9999-12-31");
            }
            return value;
        }
    }

    static final class ObjectsOnly extends DelegatingDeserializer {
        ObjectsOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ObjectsOnly(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
