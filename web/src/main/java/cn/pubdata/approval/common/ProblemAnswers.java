package cn.pubdata.approval.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal answers as RFC 9457 problem detail in Chinese, with the fields to fix under {@code errors}. */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    private final long maxDocumentBytes;

    ProblemAnswers(@Value("${approval.documents.max-bytes:20971520}") long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @ExceptionHandler(Problem.class)
    ProblemDetail problem(Problem p) {
        HttpStatus status = switch (p.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
        return detail(status, p.getMessage(), p.errors());
    }

    /** A manager suspended the process in Cockpit: nothing was stored, the operator may try again later. */
    @ExceptionHandler(org.operaton.bpm.engine.SuspendedEntityInteractionException.class)
    ProblemDetail suspended(org.operaton.bpm.engine.SuspendedEntityInteractionException e) {
        return detail(HttpStatus.CONFLICT, "审批流程已暂停受理，申请未保存，请稍后再提交", List.of());
    }

    /** A body that is no JSON, or a field of the wrong type: the field is named where Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            // a value of the wrong type says what it should be; one too long or out of range only that it is wrong
            String expected =
                    m instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
            return answer(detail(
                    HttpStatus.BAD_REQUEST,
                    "字段 " + field + " 的格式不对" + (expected == null ? "" : "：应为" + expected),
                    List.of(new Problem.FieldError(field, expected == null ? "格式不对" : "应为" + expected))));
        }
        if ((e.getCause() instanceof StreamConstraintsException || e.getCause() instanceof InputCoercionException)
                && fieldBeingRead((JsonProcessingException) e.getCause()) != null) {
            // a value the parser refused before binding it (too long a number, nesting too deep, …)
            String field = fieldBeingRead((JsonProcessingException) e.getCause());
            return answer(detail(
                    HttpStatus.BAD_REQUEST,
                    "字段 " + field + " 的值无法接受：过长或格式不对",
                    List.of(new Problem.FieldError(field, "过长或格式不对"))));
        }
        if (e.getCause() instanceof JsonProcessingException j && j.getLocation() != null) {
            return answer(detail(
                    HttpStatus.BAD_REQUEST,
                    "请求内容不是有效的 JSON（第 " + j.getLocation().getLineNr() + " 行第 "
                            + j.getLocation().getColumnNr() + " 列附近）",
                    List.of()));
        }
        return answer(detail(HttpStatus.BAD_REQUEST, "请求内容无法识别：请发送 JSON，并检查字段类型（如日期写作 2026-03-02，编号写数字）", List.of()));
    }

    private static String fieldBeingRead(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            for (; context != null; context = context.getParent()) {
                if (context.getCurrentName() != null) {
                    return context.getCurrentName();
                }
            }
        }
        return null;
    }

    /** A multipart body the server could not parse (no boundary, cut off, not multipart at all). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e) {
        return detail(
                HttpStatus.BAD_REQUEST,
                "上传内容无法解析：请以 multipart/form-data 发送文件（字段名 file）",
                List.of(new Problem.FieldError("file", "上传内容无法解析")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return answer(detail(
                HttpStatus.BAD_REQUEST,
                "参数 " + name + " 的值 '" + e.getValue() + "' 格式不对",
                List.of(new Problem.FieldError(name, "格式不对"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getRequestPartName());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the server stopped receiving a part once it passed spring.servlet.multipart.max-file-size
        String message = "文件超过上限 " + ByteSizes.readable(maxDocumentBytes) + "，请压缩或拆分后上传";
        return answer(detail(HttpStatus.PAYLOAD_TOO_LARGE, message, List.of(new Problem.FieldError("file", message))));
    }

    /** What Spring refuses before a handler runs (wrong method, media type, …), said in Chinese. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = switch (status.value()) {
            case 405 ->
                "此地址不支持 " + (e instanceof HttpRequestMethodNotSupportedException m ? m.getMethod() : "该") + " 请求";
            case 406 -> "无法以所要求的格式答复，请接受 JSON";
            case 415 -> "请以 JSON 发送（Content-Type: application/json），上传文件请用 multipart/form-data";
            case 404 -> "未找到该地址";
            default -> status.value() >= 500 ? "服务器内部错误，请稍后重试" : "请求有误";
        };
        ProblemDetail detail = detail(HttpStatus.valueOf(status.value()), message, List.of());
        return ResponseEntity.status(status).headers(headers).body(detail);
    }

    private ResponseEntity<Object> missing(String name) {
        return answer(detail(HttpStatus.BAD_REQUEST, "缺少 " + name, List.of(new Problem.FieldError(name, "必填"))));
    }

    private static ResponseEntity<Object> answer(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus()).body(detail);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " true 或 false";
        }
        if (type == java.time.LocalDate.class) {
            return "日期，如 2026-03-02";
        }
        if (type.isEnum()) {
            return "以下之一："
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining("、"));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表";
        }
        if (type == String.class) {
            return "文字";
        }
        return null;
    }

    private static ProblemDetail detail(HttpStatus status, String message, List<Problem.FieldError> errors) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setTitle(
                switch (status) {
                    case NOT_FOUND -> "未找到";
                    case CONFLICT -> "当前状态下不能这样做";
                    case PAYLOAD_TOO_LARGE -> "文件过大";
                    case METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "请求方式不对";
                    default -> "请求有误";
                });
        if (!errors.isEmpty()) {
            detail.setProperty("errors", errors);
        }
        return detail;
    }
}
