package uk.openattendance.school.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.domain.PolicySettings;

/**
 * The only place policy JSON is read or written. A school's effective policy is its preset, then its trust's
 * defaults, then its own overrides, each applied as an RFC 7386 merge patch; overrides are stored as the minimal
 * difference from what the school inherits, so a trust's later change still reaches every setting a school never touched.
 */
@Singleton
class PolicyDocuments {
    private final ObjectMapper mapper;

    PolicyDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ObjectNode tree(PolicySettings settings) {
        return mapper.valueToTree(settings);
    }

    ObjectNode parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return (ObjectNode) mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not JSON", e);
        }
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PolicySettings settings(ObjectNode tree) {
        try {
            return mapper.treeToValue(tree, PolicySettings.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw DomainProblem.field(SchoolProblem.POLICY_NOT_VALID, field.isEmpty() ? "policy" : field,
                    "a value of the documented type (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (JsonProcessingException e) {
            throw DomainProblem.field(SchoolProblem.POLICY_NOT_VALID, "policy", "a JSON object");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainProblem.field(SchoolProblem.POLICY_NOT_VALID, "policy", "every required section: " + e.getMessage());
        }
    }

    /** RFC 7386: objects merge, null removes, anything else replaces. Returns a new tree. */
    ObjectNode merge(ObjectNode target, JsonNode patch) {
        ObjectNode result = target.deepCopy();
        if (patch == null || !patch.isObject()) {
            return result;
        }
        patch.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                result.remove(e.getKey());
            } else if (value.isObject() && result.get(e.getKey()) instanceof ObjectNode existing) {
                result.set(e.getKey(), merge(existing, value));
            } else {
                result.set(e.getKey(), value.deepCopy());
            }
        });
        return result;
    }

    /** The smallest merge patch that turns {@code base} into {@code target}. */
    ObjectNode diff(ObjectNode base, ObjectNode target) {
        ObjectNode patch = mapper.createObjectNode();
        Set<String> names = new LinkedHashSet<>();
        base.fieldNames().forEachRemaining(names::add);
        target.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode b = base.get(name);
            JsonNode t = target.get(name);
            boolean bNull = b == null || b.isNull();
            boolean tNull = t == null || t.isNull();
            if (bNull && tNull || (!bNull && !tNull && sameValue(b, t))) {
                continue;
            }
            if (!bNull && !tNull && b.isObject() && t.isObject()) {
                ObjectNode nested = diff((ObjectNode) b, (ObjectNode) t);
                if (!nested.isEmpty()) {
                    patch.set(name, nested);
                }
            } else {
                patch.set(name, tNull ? NullNode.getInstance() : t.deepCopy());
            }
        }
        return patch;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() || a.isArray()) {
            return a.equals(b);
        }
        return a.asText().equals(b.asText()) && a.getNodeType() == b.getNodeType();
    }

}
