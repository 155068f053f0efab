package cn.pubdata.approval.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The layout, guarded: the Maven modules depend one way (web → processes → workers), feature packages form no cycle,
 * and only the workers' services touch the database, each feature keeping its own repositories.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.pubdata.approval");

    /** A class compiled by one of our Maven modules (its classes folder in the build, its jar elsewhere). */
    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe(
                "in module " + module,
                c -> c.getSource()
                        .map(s -> s.getUri().toString())
                        .filter(uri ->
                                uri.contains("/" + module + "/target/classes/") || uri.contains("/" + module + "-0"))
                        .isPresent());
    }

    private static final DescribedPredicate<JavaClass> DATABASE_ACCESS = DescribedPredicate.describe(
            "database access (JdbcClient, JdbcTemplate, DataSource, a repository)",
            c -> c.isAssignableTo(JdbcClient.class)
                    || c.isAssignableTo(JdbcTemplate.class)
                    || c.isAssignableTo(NamedParameterJdbcTemplate.class)
                    || c.isAssignableTo(DataSource.class)
                    || c.isAssignableTo(Repository.class));

    @Test
    void theModulesOfTheBuildWereImported() {
        for (String module : new String[] {"workers", "processes", "web"}) {
            org.assertj.core.api.Assertions.assertThat(CLASSES.stream().filter(inModule(module)))
                    .as(module)
                    .isNotEmpty();
        }
    }

    @Test
    void workersDependOnNeitherProcessesNorWeb() {
        noClasses()
                .that(inModule("workers"))
                .should()
                .dependOnClassesThat(inModule("processes").or(inModule("web")))
                .check(CLASSES);
    }

    @Test
    void processesDoNotDependOnWeb() {
        noClasses()
                .that(inModule("processes"))
                .should()
                .dependOnClassesThat(inModule("web"))
                .check(CLASSES);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("cn.pubdata.approval.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** A listener validates a decision and calls its feature's service; it writes no SQL of its own. */
    @Test
    void listenersWriteThroughServices() {
        noClasses()
                .that()
                .implement(TaskListener.class)
                .or()
                .implement(ExecutionListener.class)
                .should()
                .dependOnClassesThat(DATABASE_ACCESS)
                .check(CLASSES);
    }

    /** The models' glue and the web layer reach the data through the features' services only. */
    @Test
    void onlyTheWorkersServicesTouchTheDatabase() {
        noClasses()
                .that(inModule("processes").or(inModule("web")))
                .should()
                .dependOnClassesThat(DATABASE_ACCESS)
                .check(CLASSES);
    }

    /** A feature's repositories are its internals: no other feature reads or writes its tables through them. */
    @Test
    void repositoriesAreUsedOnlyWithinTheirFeature() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should(new ArchCondition<>("be used only by classes of their own feature package") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        repository.getDirectDependenciesToSelf().stream()
                                .filter(d ->
                                        !d.getOriginClass().getPackageName().equals(repository.getPackageName()))
                                .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                    }
                })
                .check(CLASSES);
    }
}
