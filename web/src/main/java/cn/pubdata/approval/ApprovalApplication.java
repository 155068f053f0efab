package cn.pubdata.approval;

import cn.pubdata.approval.cluster.ProcessRole;
import cn.pubdata.approval.cluster.WorkerProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The approval system: the Operaton engine with Tasklist, Cockpit and Admin, the portal API and the workers. The same
 * jar starts an engine node (profile {@code engine-node}) or a worker process (profile {@code worker}, see {@link
 * WorkerProcess}).
 */
@SpringBootApplication
public class ApprovalApplication {

    public static void main(String[] args) {
        if (ProcessRole.of(args) == ProcessRole.WORKER) {
            WorkerProcess.main(args);
            return;
        }
        SpringApplication.run(ApprovalApplication.class, args);
    }
}
