package com.ibportal.security;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    private final UserAccountService users;

    UserApi(UserAccountService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse createUser(@Valid @RequestBody NewUser request) {
        PortalUser user = users.createUser(request);
        return new UserResponse(user.id(), user.email(), user.displayName(), user.role(), user.partnerCode());
    }

    record UserResponse(long id, String email, String displayName, Role role, String partnerCode) {
    }
}
