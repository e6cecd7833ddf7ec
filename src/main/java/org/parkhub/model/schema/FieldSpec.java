package org.parkhub.model.schema;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlElement;
import org.parkhub.model.Code;

/**
 * One field of a canonical record as the schema writers and the CSV mapping see it, read from the record component and
 * the constraints declared on it (the same constraints Bean Validation enforces).
 */
public record FieldSpec(
        String name,
        String xmlName,
        Kind kind,
        Class<?> javaType,
        boolean required,
        boolean list,
        Integer minLength,
        Integer maxLength,
        Integer maxItems,
        String pattern,
        List<String> enumValues,
        Integer minimum,
        Integer maximum,
        Integer integerDigits,
        Integer fractionDigits,
        boolean nonNegative,
        boolean positive) {

    public enum Kind { STRING, DECIMAL, INTEGER, BOOLEAN, DATE_TIME, DATE, ENUM, RECORD }

    public static FieldSpec of(RecordComponent component) {
        boolean list = component.getType() == List.class;
        Class<?> type = list ? elementType(component.getGenericType()) : component.getType();
        var field = field(component);
        Size size = field.getAnnotation(Size.class);
        Digits digits = field.getAnnotation(Digits.class);
        DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
        Min min = field.getAnnotation(Min.class);
        Max max = field.getAnnotation(Max.class);
        Pattern pattern = field.getAnnotation(Pattern.class);
        Code code = field.getAnnotation(Code.class);
        XmlElement xml = field.getAnnotation(XmlElement.class);
        boolean notBlank = field.isAnnotationPresent(NotBlank.class);
        boolean required = notBlank || field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotEmpty.class);
        boolean positive = field.isAnnotationPresent(Positive.class)
                || (decimalMin != null && !decimalMin.inclusive() && "0".equals(decimalMin.value()));
        boolean nonNegative = positive || (decimalMin != null && "0".equals(decimalMin.value()));
        List<String> enumValues = code != null ? List.copyOf(code.value().codes())
                : type.isEnum() ? enumValues(type) : null;
        return new FieldSpec(component.getName(),
                xml != null && !"##default".equals(xml.name()) ? xml.name() : component.getName(),
                kind(type), type, required, list,
                notBlank ? Integer.valueOf(1) : null,
                size == null || list || size.max() == Integer.MAX_VALUE ? null : size.max(),
                size == null || !list ? null : size.max(),
                pattern == null ? null : pattern.regexp(),
                enumValues,
                min == null ? null : (int) min.value(),
                max == null ? null : (int) max.value(),
                digits == null ? null : digits.integer(),
                digits == null ? null : digits.fraction(),
                nonNegative, positive);
    }

    private static Field field(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("record component without field: " + component, e);
        }
    }

    private static Class<?> elementType(Type generic) {
        Type argument = ((ParameterizedType) generic).getActualTypeArguments()[0];
        if (argument instanceof AnnotatedType annotated) {
            argument = annotated.getType();
        }
        return (Class<?>) argument;
    }

    private static Kind kind(Class<?> type) {
        if (type == String.class) {
            return Kind.STRING;
        } else if (type == BigDecimal.class) {
            return Kind.DECIMAL;
        } else if (type == Integer.class || type == int.class) {
            return Kind.INTEGER;
        } else if (type == Boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == OffsetDateTime.class) {
            return Kind.DATE_TIME;
        } else if (type == LocalDate.class) {
            return Kind.DATE;
        } else if (type.isEnum()) {
            return Kind.ENUM;
        } else if (type.isRecord()) {
            return Kind.RECORD;
        }
        throw new IllegalArgumentException("no schema mapping for " + type);
    }

    /** The JSON values of an enum: its {@code @JsonValue} where it has one, else the constant names. */
    private static List<String> enumValues(Class<?> type) {
        var jsonValue = Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class)).findFirst();
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                return jsonValue.isPresent() ? jsonValue.get().invoke(constant).toString() : ((Enum<?>) constant).name();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The decimal pattern for string-encoded money and quantities. */
    public String decimalPattern() {
        return "^" + (nonNegative ? "" : "-?") + "[0-9]{1," + integerDigits + "}(\\.[0-9]{1," + fractionDigits + "})?$";
    }
}
