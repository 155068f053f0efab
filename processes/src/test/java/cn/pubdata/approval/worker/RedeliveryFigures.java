package cn.pubdata.approval.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the repeated-delivery figures when the process tests end, and keeps them in target/redelivery.txt. */
public class RedeliveryFigures implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        EveryTaskDeliveredRepeatedly.Tally tally = EveryTaskDeliveredRepeatedly.tally();
        if (tally == null) {
            return;
        }
        String figures = tally.toString();
        System.out.println(figures);
        try {
            Files.writeString(Path.of("target/redelivery.txt"), figures + "\n");
        } catch (IOException e) {
            System.out.println("target/redelivery.txt not written: " + e.getMessage());
        }
    }
}
