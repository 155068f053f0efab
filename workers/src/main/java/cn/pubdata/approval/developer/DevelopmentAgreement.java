package cn.pubdata.approval.developer;

import java.time.LocalDate;

/** DEV-06: the development-and-use agreement (开发利用协议) the operator signed with the developer. */
public record DevelopmentAgreement(String agreementNo, LocalDate signedOn, LocalDate endsOn) {}
