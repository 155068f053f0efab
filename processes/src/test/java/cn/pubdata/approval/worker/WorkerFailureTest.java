package cn.pubdata.approval.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Technical trouble in a worker is reported as a failure, retried, and then raised as an incident that says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkerFailureTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ExternalTaskService externalTasks;

    @Test
    void aFailingTaskIsRetriedThenBecomesAnIncidentWithTheWorkersMessage() {
        repository
                .createDeployment()
                .name("worker-failure-probe")
                .addModelInstance(
                        "worker-failure-probe.bpmn",
                        Bpmn.createExecutableProcess("worker-failure-probe")
                                .operatonHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask("ServiceTask_OpenPermissions")
                                .operatonExternalTask("permissions-open")
                                .endEvent()
                                .done())
                .deploy();
        String pid = runtime.startProcessInstanceByKey(
                        "worker-failure-probe",
                        Map.of(
                                "applicationId",
                                1L,
                                "jurisdiction",
                                "xinchang",
                                "operatorCreditCode",
                                "91330100716105852F",
                                "hasEmergencyPlan",
                                true,
                                "trainingPassed",
                                false))
                .getId();

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        runtime.createIncidentQuery().processInstanceId(pid).count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
        assertThat(incident.getIncidentMessage()).contains("岗前培训未通过", "ADM-18");
        ExternalTask task =
                externalTasks.createExternalTaskQuery().processInstanceId(pid).singleResult();
        assertThat(task.getRetries()).isZero();
        assertThat(externalTasks.getExternalTaskErrorDetails(task.getId())).contains("IllegalStateException");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count())
                .as("the instance waits for an operator")
                .isEqualTo(1);
    }
}
