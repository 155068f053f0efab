package cn.pubdata.approval.review;

/** A line of data demand a reviewer consents to or refuses, as its review form lists it. */
public interface ReviewedLine {

    int lineNo();

    String resourceName();

    /** The line as one readable sentence, its number first. */
    String describe();
}
