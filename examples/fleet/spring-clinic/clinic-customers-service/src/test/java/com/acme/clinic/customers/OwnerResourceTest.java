package com.acme.clinic.customers;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OwnerResource.class)
class OwnerResourceTest {

  @Autowired private MockMvc mvc;

  @MockBean private OwnerRepository owners;

  @Test
  void findsAnOwnerById() throws Exception {
    Owner owner = new Owner();
    owner.setFirstName("George");
    owner.setLastName("Franklin");
    given(owners.findById(1)).willReturn(Optional.of(owner));

    mvc.perform(get("/v1/owners/1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lastName").value("Franklin"));
  }

  @Test
  void answers404ForAnUnknownOwner() throws Exception {
    given(owners.findById(99)).willReturn(Optional.empty());

    mvc.perform(get("/v1/owners/99")).andExpect(status().isNotFound());
  }
}
