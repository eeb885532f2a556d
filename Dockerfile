# One image per service, from this repository: docker build --build-arg SERVICE=ranker -t mostread-ranker .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 mostread && mkdir -p /data && chown mostread /data
COPY --from=build /src/services/${SERVICE}/target/mostread-${SERVICE}.jar /app/app.jar
USER mostread
WORKDIR /app
ENV MOSTREAD_DATA_DIR=/data JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
