package com.ibportal.ingestion;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/connectors/{id}/import}: a CSV file (multipart field {@code file}) into a CSV connector. */
@RestController
class CsvImportApi {

    private final CsvImportService imports;

    CsvImportApi(CsvImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/v1/connectors/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importCsv(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return imports.importCsv(id, file.getOriginalFilename(), content, file.getSize(), rows -> { });
        }
    }

    @ExceptionHandler(ImportTooLargeException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ProblemDetail tooLarge(ImportTooLargeException tooLarge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        problem.setTitle("Content too large");
        return problem;
    }
}
