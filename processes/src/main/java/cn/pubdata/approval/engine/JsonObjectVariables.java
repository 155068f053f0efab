package cn.pubdata.approval.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.operaton.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.operaton.bpm.engine.variable.Variables;
import org.operaton.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/**
 * Lists and maps as JSON process variables ({@code Object} type, format {@code application/json}), so that a Camunda
 * Form in Tasklist can show one row per demand line or criterion (dynamic list, checklist) and send the reviewer's
 * answers back as a list. Operaton's own JSON support needs Spin, which this repository cannot use; this serializer
 * reads and writes only plain lists and maps with Jackson, never an arbitrary class a client names. Untyped lists and
 * maps become JSON by default.
 */
@Component
public class JsonObjectVariables extends AbstractProcessEnginePlugin {

    public static final String FORMAT = "application/json";

    /** A list or map as a JSON variable. */
    public static ObjectValue json(Object listOrMap) {
        return Variables.objectValue(listOrMap).serializationDataFormat(FORMAT).create();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = new ArrayList<>();
        if (configuration.getCustomPreVariableSerializers() != null) {
            serializers.addAll(configuration.getCustomPreVariableSerializers());
        }
        serializers.add(new Serializer());
        configuration.setCustomPreVariableSerializers(serializers);
        // an untyped list or map (a row list a bean returns, a map set from Java) is stored as JSON, never
        // Java-serialized
        configuration.setDefaultSerializationFormat(FORMAT);
    }

    static final class Serializer extends AbstractObjectValueSerializer {

        private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        Serializer() {
            super(FORMAT);
        }

        @Override
        public String getName() {
            return "approval-json";
        }

        @Override
        protected boolean isSerializationTextBased() {
            return true;
        }

        @Override
        protected boolean canSerializeValue(Object value) {
            return value instanceof Collection<?> || value instanceof Map<?, ?>;
        }

        @Override
        protected String getTypeNameForDeserialized(Object value) {
            return value instanceof Map<?, ?> ? LinkedHashMap.class.getName() : ArrayList.class.getName();
        }

        @Override
        protected byte[] serializeToByteArray(Object value) throws Exception {
            return mapper.writeValueAsBytes(value);
        }

        @Override
        protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) throws Exception {
            Class<?> type = switch (objectTypeName == null ? "" : objectTypeName) {
                case "java.util.ArrayList", "java.util.List", "java.util.LinkedList" -> ArrayList.class;
                case "java.util.LinkedHashMap", "java.util.HashMap", "java.util.Map" -> LinkedHashMap.class;
                default -> throw new IllegalArgumentException("JSON 变量只能是列表或对象，不能是 " + objectTypeName);
            };
            return mapper.readValue(bytes, type);
        }
    }
}
