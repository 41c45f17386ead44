import { describe, expect, it } from "vitest";
import { ev, evError, makeContext } from "../test-support/helpers";

describe("reference and workflow functions", () => {
  it.each([
    ["@triggerBody()?['No']", "S-1001"],
    ["@triggerBody()['customer']['city']", "Paris"],
    ["@triggerBody()?.customer?.name", "Adatum"],
    ["@triggerOutputs()?['body/No']", "S-1001"],
    ["@triggerOutputs()?['body/customer/city']", "Paris"],
    ["@triggerOutputs()['headers']['x-ms-user']", "ada@contoso.com"],
    ["@trigger()['outputs']['body']['amount']", 12000.5],
    ["@trigger().status", "Succeeded"],
    ["@triggerFormDataValue('feedUrl')", "https://feeds.example/rss"],
    ["@triggerFormDataMultiValues('feedUrl')", ["https://feeds.example/rss"]],
    ["@triggerFormDataValue('missing')", null],
    ["@triggerMultipartBody(0)", "first"],
    ["@outputs('Get_user')['statusCode']", 200],
    ["@outputs('Get_user')?['body/FullName']", "Contoso Corporation"],
    ["@actionOutputs('Get_user')['headers']['Content-Type']", "application/json"],
    ["@body('Get_user')['Id']", 283541717],
    ["@body('Get_user')?['Missing']", null],
    ["@actionBody('Get_user')['FollowersCount']", 172],
    ["@actions('Get_user').outputs.body.FullName", "Contoso Corporation"],
    ["@actions('Get_user')['status']", "Succeeded"],
    ["@outputs('Start_and_wait_for_an_approval')?['body/outcome']", "Approve"],
    ["@body('Start_and_wait_for_an_approval')?['responses'][0]?['responder/displayName']", "Ada"],
    ["@outputs('Compose')", "composed text"],
    ["@outputs('Skipped_step')", null],
    ["@body('Skipped_step')", null],
    ["@formDataValue('Form', 'Subject')", "Hello world"],
    ["@formDataMultiValues('Form', 'tag')", ["x", "y"]],
    ["@multipartBody('Multi', 1)", { n: 1 }],
    ["@variables('numItems')", 20],
    ["@variables('name')", "Sophia Owen"],
    ["@variables('obj').b.c", "deep"],
    ["@variables('nothing')", null],
    ["@parameters('fullName')", "Sophia Owen"],
    ["@parameters('limit')", 10],
    ["@item().title", "current"],
    ["@items('For_each')?['email']", "a@b.c"],
    ["@iterationIndexes('Until')", 3],
    ["@result('Scope')[0]['status']", "Failed"],
    ["@workflow().run.name", "run-42"],
    ["@workflow()['tags']['flowDisplayName']", "Approve invoice"],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it("action() and listCallbackUrl() read the context when it has them", () => {
    const context = makeContext({
      currentAction: () => ({ name: "Until", status: "Running" }),
      listCallbackUrl: () => "https://localhost/callback/1",
    });
    expect(ev("@action().name", context)).toBe("Until");
    expect(ev("@listCallbackUrl()", context)).toBe("https://localhost/callback/1");
  });

  it.each([
    [
      "@outputs('Nope')",
      "reference",
      "'outputs' refers to action 'Nope', which does not exist or has not run yet",
    ],
    ["@body(variables('numItems'))", "type", "'body' expects an action name; argument 1 is an integer"],
    ["@variables('missing')", "reference", "variable 'missing' has not been initialized"],
    ["@parameters('missing')", "reference", "parameter 'missing' is not defined"],
    ["@items('Other_loop')", "reference", "'items' refers to loop 'Other_loop', but this is not inside it"],
    ["@iterationIndexes('For_each')", "reference", "refers to loop 'For_each'"],
    ["@result('Nope')", "reference", "'result' refers to scope 'Nope'"],
    ["@formDataValue('Form', 'tag')", "runtime", "found 2 values for key 'tag' but expects one"],
    ["@formDataValue('Get_user', 'x')", "runtime", "expects form-data or form-encoded outputs"],
    ["@multipartBody('Multi', 5)", "runtime", "part 5 is out of range"],
    ["@action()", "not-available", "'action' is not available here"],
    ["@listCallbackUrl()", "not-available", "only webhook triggers and actions have a callback URL"],
    [
      "@triggerBody()['Missing']",
      "runtime",
      "property 'Missing' doesn't exist; available properties are 'No', 'amount'",
    ],
    ["@outputs()", "arity", "'outputs' expects 1 argument but got 0"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("fails with 'not-available' when the context has no trigger, actions or variables", () => {
    expect(evError("@triggerBody()", {}).code).toBe("not-available");
    expect(evError("@outputs('x')", {}).code).toBe("not-available");
    expect(evError("@variables('x')", {}).code).toBe("not-available");
    expect(evError("@workflow()", {}).code).toBe("not-available");
    expect(evError("@item()", {}).message).toContain("only be used inside a Foreach");
  });
});
