package cn.pubdata.approval.scenario;

/** What a scenario or product serves: public governance or welfare (free), or industry (a fee). */
public enum Purpose {
    PUBLIC_WELFARE("公共治理、公益事业"),
    INDUSTRY("产业发展、行业发展");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
