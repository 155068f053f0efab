package cn.pubdata.approval;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine, its REST API, the workers and the domain services, as the process tests run them. */
@SpringBootApplication
public class ProcessTestApplication {}
