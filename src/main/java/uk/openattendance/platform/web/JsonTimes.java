package uk.openattendance.platform.web;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** School times are minutes in the school's day: written "08:45", as policies write them, not "08:45:00". */
@Factory
public class JsonTimes {
    @Singleton
    public Module schoolTimes() {
        SimpleModule module = new SimpleModule("school-times");
        module.addSerializer(LocalTime.class, new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm")));
        return module;
    }
}
