-- Keycloak keeps its own database (its production setting), beside the application's on the same server
create database keycloak;
