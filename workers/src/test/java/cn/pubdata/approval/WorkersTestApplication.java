package cn.pubdata.approval;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The domain services and handlers on a real PostgreSQL, without an engine: handlers are fed work items directly. */
@SpringBootApplication
public class WorkersTestApplication {}
