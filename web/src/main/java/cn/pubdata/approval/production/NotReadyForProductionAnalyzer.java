package cn.pubdata.approval.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the reasons without a stack trace: the operator has settings to fix, not code. */
class NotReadyForProductionAnalyzer extends AbstractFailureAnalyzer<NotReadyForProduction> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NotReadyForProduction cause) {
        return new FailureAnalysis(cause.getMessage(), "改正以上各项后再启动。/ Fix each item above and start again.", cause);
    }
}
