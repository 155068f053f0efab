package cn.pubdata.approval.common;

/** The Chinese name of a unit (a Keycloak group), as the audit log and the dashboards name it. */
public interface UnitNames {

    String groupName(String groupId);
}
