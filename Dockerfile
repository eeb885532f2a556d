# One image per service, from this repository: docker build --build-arg SERVICE=ranker -t mostread-ranker .
# Layers: the Maven wrapper and the poms first, then the service's dependencies (resolved once and cached for
# as long as no pom changes), then the sources; only the service and the modules it needs are built.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY services/shared/pom.xml services/shared/
COPY services/embedded-kafka/pom.xml services/embedded-kafka/
COPY services/loadgen/pom.xml services/loadgen/
COPY services/collector/pom.xml services/collector/
COPY services/ranker/pom.xml services/ranker/
COPY services/api/pom.xml services/api/
COPY services/standalone/pom.xml services/standalone/
COPY services/bench/pom.xml services/bench/
RUN ./mvnw -B -q dependency:go-offline -pl services/${SERVICE} -am -DexcludeReactor=true
COPY services services
RUN ./mvnw -B -q -o package -DskipTests -pl services/${SERVICE} -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 mostread && mkdir -p /data && chown mostread /data
COPY --from=build /src/services/${SERVICE}/target/mostread-${SERVICE}.jar /app/app.jar
USER mostread
WORKDIR /app
ENV MOSTREAD_DATA_DIR=/data JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70"
# 8080: the public API (behind nginx); 8081: the management port (actuator, /dashboard, /api/v1/stats, API docs)
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
