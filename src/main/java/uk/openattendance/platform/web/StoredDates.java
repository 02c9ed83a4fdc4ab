package uk.openattendance.platform.web;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date in a path or query ({@code ?asOf=0001-01-01}) is one a DATE column can hold; ISO-8601 allows year 1 and
 * year +292278994, and the figures' year arithmetic failed on them. Bodies get the same bound in {@link StrictJson}.
 */
@Singleton
public class StoredDates implements TypeConverter<String, LocalDate> {
    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 9999;

    static boolean storable(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    @Override
    public Optional<LocalDate> convert(String value, Class<LocalDate> targetType, ConversionContext context) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!storable(date)) {
                context.reject(value, new DateTimeException("a date between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31"));
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            context.reject(value, e);
            return Optional.empty();
        }
    }
}
