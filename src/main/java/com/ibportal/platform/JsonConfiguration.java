package com.ibportal.platform;

import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The API contract's JSON: decimals (money, lots, rates) travel as strings such as "2.50" so no
 * client parses them into floating point, and incoming numbers are read as exact decimals.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        SimpleModule module = new SimpleModule("decimals-as-strings");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        return builder -> builder.addModule(module).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }
}
