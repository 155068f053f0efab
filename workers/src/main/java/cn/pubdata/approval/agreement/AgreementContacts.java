package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import org.springframework.stereotype.Component;

/** Who an agreement's notices reach: the operator's name and the contact its admission named. */
@Component
public class AgreementContacts {

    private final Agreements agreements;

    public AgreementContacts(Agreements agreements) {
        this.agreements = agreements;
    }

    public String companyName(Agreement agreement) {
        return agreements.operatorName(agreement);
    }

    public String emailOf(Agreement agreement) {
        return agreements.contactEmailOfApplication(agreement.applicationId());
    }
}
