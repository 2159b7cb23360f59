package com.ibportal.program;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/program")
class ProgramApi {

    private final ProgramService programs;

    ProgramApi(ProgramService programs) {
        this.programs = programs;
    }

    @GetMapping
    Program program() {
        return programs.program();
    }

    @PutMapping
    Program change(@Valid @RequestBody Program program) {
        return programs.change(program);
    }
}
