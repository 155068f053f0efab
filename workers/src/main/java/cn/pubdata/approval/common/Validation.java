package cn.pubdata.approval.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bean Validation whose violations become one {@link Problem} listing every field to fix. */
@Component
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T input, String whatIsWrong) {
        if (input == null) {
            throw Problem.invalid(whatIsWrong, List.of());
        }
        List<Problem.FieldError> errors = errors(input);
        if (!errors.isEmpty()) {
            throw Problem.invalid(whatIsWrong, errors);
        }
        return input;
    }

    /** The violations as field errors, for a caller that adds its own checks before answering once. */
    public <T> List<Problem.FieldError> errors(T input) {
        return validator.validate(input).stream()
                .sorted(Comparator.comparing(
                        (ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
    }
}
