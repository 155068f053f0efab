{{- define "approval.env" -}}
- name: APPROVAL_DB_URL
  value: {{ .Values.database.url | quote }}
- name: APPROVAL_DB_USER
  value: {{ .Values.database.user | quote }}
- name: APPROVAL_DB_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .Values.secrets.name }}, key: {{ .Values.secrets.keys.database }}}
- name: APPROVAL_DB_POOL
  value: {{ .Values.database.poolSize | quote }}
- name: KEYCLOAK_URL
  value: {{ .Values.keycloak.url | quote }}
- name: APPROVAL_SMTP_HOST
  value: {{ .Values.smtp.host | quote }}
- name: APPROVAL_SMTP_PORT
  value: {{ .Values.smtp.port | quote }}
- name: APPROVAL_SMTP_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .Values.secrets.name }}, key: {{ .Values.secrets.keys.smtp }}}
- name: WORKERS_CLIENT_SECRET
  valueFrom:
    secretKeyRef: {name: {{ .Values.secrets.name }}, key: {{ .Values.secrets.keys.workersClient }}}
{{- end -}}

{{- define "approval.probes" -}}
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: management}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: management}
  periodSeconds: 10
readinessProbe:
  httpGet: {path: /actuator/health/readiness, port: management}
  periodSeconds: 5
{{- end -}}
