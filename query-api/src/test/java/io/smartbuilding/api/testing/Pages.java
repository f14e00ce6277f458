package io.smartbuilding.api.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a paged list to its end the way a scrolling app does: nextCursor until null. */
public final class Pages {

  private Pages() {}

  /**
   * Every page of {@code path} with these query parameters, {@code limit} items per page, as the
   * values of {@code field} page by page.
   */
  public static List<List<String>> walk(
      String authorization, String path, Map<String, ?> parameters, int limit, String field) {
    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request =
          given()
              .header(TestTokens.AUTHORIZATION, authorization)
              .queryParams(parameters)
              .queryParam("limit", limit);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.when().get(path).then().statusCode(200).extract().jsonPath();
      List<String> values = page.getList("items." + field, String.class);
      assertThat(values.size()).as("page %d size", pages.size()).isLessThanOrEqualTo(limit);
      pages.add(values);
      cursor = page.getString("nextCursor");
      assertThat(pages.size()).as("pages before the end").isLessThan(1000);
    } while (cursor != null);
    return pages;
  }

  public static List<String> flatten(List<List<String>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }
}
