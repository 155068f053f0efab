package cn.pubdata.approval.common;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every refusal answers as RFC 9457 problem detail in Chinese, with the fields to fix under {@code errors}. */
@RestControllerAdvice
class ProblemAnswers {

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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return detail(HttpStatus.BAD_REQUEST, "请求内容无法识别：请发送 JSON，并检查字段类型（如日期写作 2026-03-02，编号写数字）", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return detail(
                HttpStatus.BAD_REQUEST,
                "参数 " + e.getName() + " 的值 '" + e.getValue() + "' 格式不对",
                List.of(new Problem.FieldError(e.getName(), "格式不对")));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ProblemDetail missing(Exception e) {
        String name = e instanceof MissingServletRequestPartException m
                ? m.getRequestPartName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return detail(HttpStatus.BAD_REQUEST, "缺少 " + name, List.of(new Problem.FieldError(name, "必填")));
    }

    /** The server stopped receiving a part once it passed spring.servlet.multipart.max-file-size. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String message = "文件超过上限 " + ByteSizes.readable(maxDocumentBytes) + "，请压缩或拆分后上传";
        return detail(HttpStatus.PAYLOAD_TOO_LARGE, message, List.of(new Problem.FieldError("file", message)));
    }

    private static ProblemDetail detail(HttpStatus status, String message, List<Problem.FieldError> errors) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setTitle(
                switch (status) {
                    case NOT_FOUND -> "未找到";
                    case CONFLICT -> "当前状态下不能这样做";
                    case PAYLOAD_TOO_LARGE -> "文件过大";
                    default -> "请求有误";
                });
        if (!errors.isEmpty()) {
            detail.setProperty("errors", errors);
        }
        return detail;
    }
}
