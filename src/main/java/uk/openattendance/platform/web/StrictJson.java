package uk.openattendance.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Jackson is lenient by default: {@code "dateOfBirth": 12} becomes 13 January 1970. A wrong type must be refused with
 * the field named, never guessed at, so leniency is off for every date and time.
 */
@Singleton
public class StrictJson implements BeanCreatedEventListener<ObjectMapper> {
    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        ObjectMapper mapper = event.getBean();
        mapper.setDefaultLeniency(false);
        return mapper;
    }
}
