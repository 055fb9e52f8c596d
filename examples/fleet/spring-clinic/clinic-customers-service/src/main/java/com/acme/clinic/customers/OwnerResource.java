package com.acme.clinic.customers;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/v1/owners")
class OwnerResource {

  private final OwnerRepository owners;

  OwnerResource(OwnerRepository owners) {
    this.owners = owners;
  }

  @GetMapping
  List<Owner> search(@RequestParam(defaultValue = "") String lastName) {
    return owners.findByLastNameStartingWithIgnoreCase(lastName);
  }

  @GetMapping("/{ownerId}")
  Owner find(@PathVariable int ownerId) {
    return owners
        .findById(ownerId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "owner " + ownerId));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Owner create(@Valid @RequestBody Owner owner) {
    return owners.save(owner);
  }
}
