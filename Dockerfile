# Builds the FamilyQA server from the repository root and runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 familyqa
COPY --from=build /src/bootstrap/target/familyqa-server.jar /opt/familyqa/familyqa-server.jar
USER familyqa
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/familyqa/familyqa-server.jar"]
