# Reconnect: build the jar with Maven, run it on a JRE as a non-root user.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
RUN mvn -B -DskipTests package \
 && mv target/reconnect-*.jar /build/app.jar

FROM eclipse-temurin:17.0.13_11-jre
# curl serves the compose healthcheck (GET /actuator/health/readiness); the image has none by default.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system reconnect \
 && useradd --system --gid reconnect --home-dir /app --no-create-home --shell /usr/sbin/nologin reconnect \
 && mkdir -p /data \
 && chown reconnect:reconnect /data
WORKDIR /app
COPY --from=build /build/app.jar /app/reconnect.jar
# The app reads its flows from ./conversation-flows, relative to this working directory.
COPY conversation-flows/ /app/conversation-flows/
# The embedded stores' directory, for `docker run` without a MongoDB URI / JDBC URL. docker-compose.yml
# runs the production profile instead, which needs both and writes nothing here.
ENV RECONNECT_DATA_DIR=/data
USER reconnect
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/reconnect.jar"]
