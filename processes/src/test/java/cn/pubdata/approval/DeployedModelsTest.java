package cn.pubdata.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.worker.ExternalTaskHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the engine actually deployed: every user task's form is there, every topic has a worker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeployedModelsTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    List<ExternalTaskHandler> handlers;

    @Test
    void everyUserTaskReferencesADeployedFormAndHasGroupsAndADueDate() throws Exception {
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (!definition.getResourceName().contains("bpmn/")) {
                continue; // a probe model a test deployed itself (worker failure, reminders), not one of ours
            }
            Set<String> formIds = deployedFormIds(definition.getDeploymentId());
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(formIds).as(task.getId() + " form").contains(task.getOperatonFormRef());
                assertThat(task.getOperatonFormRefBinding()).isEqualTo("latest");
                assertThat(task.getOperatonCandidateGroups())
                        .as(task.getId() + " candidate groups")
                        .isNotBlank();
                assertThat(task.getOperatonDueDate())
                        .as(task.getId() + " due date")
                        .contains("deadlines.workingDays");
                assertThat(task.getName())
                        .as(task.getId() + " has a Chinese name")
                        .matches(".*\\p{IsHan}.*");
            }
        }
    }

    @Test
    void everyExternalTopicHasAWorkerAndEveryProcessAHistoryTimeToLive() {
        Set<String> topics =
                new HashSet<>(handlers.stream().map(ExternalTaskHandler::topic).toList());
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> d.getResourceName().contains("bpmn/"))
                .toList();
        assertThat(definitions).isNotEmpty();
        for (ProcessDefinition definition : definitions) {
            assertThat(definition.getHistoryTimeToLive())
                    .as(definition.getKey())
                    .isNotNull()
                    .isPositive();
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getOperatonType()).as(task.getId()).isEqualTo("external");
                assertThat(topics).as(task.getId() + " topic").contains(task.getOperatonTopic());
            }
        }
    }

    private Set<String> deployedFormIds(String deploymentId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    JsonNode form = json.readTree(in);
                    ids.add(form.get("id").asText());
                    assertThat(form.get("components")).as(name).isNotEmpty();
                }
            }
        }
        return ids;
    }
}
