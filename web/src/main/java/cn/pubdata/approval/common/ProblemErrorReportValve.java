package cn.pubdata.approval.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat refuses before the application sees the request (an encoded slash or NUL in the path, a malformed
 * URI, a header too large) answers as a problem detail in Chinese like everything else, not as Tomcat's HTML page
 * that names its version. Public and built by name: Tomcat instantiates the host's error report valve itself.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status == 400 ? "请求地址或请求头不合规范（如路径中含有编码的斜杠或空字符），请检查后重试" : "请求未能处理";
        String title = status >= 500 ? "服务器内部错误" : "请求有误";
        String body = ProblemJson.of(status, title, detail);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
