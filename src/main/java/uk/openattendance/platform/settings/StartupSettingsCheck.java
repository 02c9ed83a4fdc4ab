package uk.openattendance.platform.settings;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start with settings that would fail later (see {@link SettingsRules}), naming every one at once so an
 * operator fixes them in one go instead of one restart per mistake.
 */
@Context
public class StartupSettingsCheck {
    public StartupSettingsCheck(Environment environment) {
        List<String> problems = SettingsRules.problems(property -> {
            try {
                return environment.getProperty(property, String.class);
            } catch (ConfigurationException unresolved) {
                // a placeholder with no default and no value, e.g. ${JWT_SECRET} unset
                return Optional.empty();
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("The service cannot start with these settings:\n  - " + String.join("\n  - ", problems));
        }
    }
}
