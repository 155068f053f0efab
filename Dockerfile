# The application's one image: an engine node or a worker process, chosen by SPRING_PROFILES_ACTIVE
# (engine-node or worker, with production for a real deployment). Build the jar first, without the embedded
# PostgreSQL and outbox:
#   ./mvnw -B -Pproduction -DskipTests package && docker build -t approval:0.1.0 .
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app approval
WORKDIR /app
COPY web/target/approval.jar /app/approval.jar
USER 10001
# 8080: portal API, engine REST API, webapps (engine nodes); 8081: management (health, metrics) of both roles
EXPOSE 8080 8081
ENV SPRING_PROFILES_ACTIVE=engine-node \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/approval.jar"]
