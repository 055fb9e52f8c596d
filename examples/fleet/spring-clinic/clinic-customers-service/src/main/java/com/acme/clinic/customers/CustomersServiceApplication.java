package com.acme.clinic.customers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owners of the clinic's pets: a REST API over MySQL, registered in Eureka. */
@SpringBootApplication
public class CustomersServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CustomersServiceApplication.class, args);
  }
}
