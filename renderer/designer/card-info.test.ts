import { describe, expect, it } from "vitest";
import { cardAriaLabel, cardInfo, UNKNOWN_COLOR } from "./card-info";

describe("what a card says about its step", () => {
  it("names a catalog operation and its connector", () => {
    const info = cardInfo("Send_an_email_(V2)", {
      type: "OpenApiConnection",
      inputs: {
        host: { apiId: "/providers/Microsoft.PowerApps/apis/shared_office365", operationId: "SendEmailV2" },
      },
    });
    expect([info.title, info.subtitle, info.connectorName]).toEqual([
      "Send an email (V2)",
      "Send an email (V2)",
      "Office 365 Outlook",
    ]);
  });

  it("names a connector the catalog does not know by its call, not by the WDL type", () => {
    const info = cardInfo("Get_my_profile", {
      type: "OpenApiConnection",
      inputs: {
        host: {
          apiId: "/providers/Microsoft.PowerApps/apis/shared_office365users",
          operationId: "MyProfile_V2",
        },
      },
    });
    expect([info.connectorName, info.subtitle, info.color]).toEqual([
      "office365users",
      "OpenApiConnection",
      UNKNOWN_COLOR,
    ]);
    const legacy = cardInfo("Html_to_text", {
      type: "ApiConnection",
      inputs: {
        host: { connection: { name: "@parameters('$connections')['conversionservice']['connectionId']" } },
      },
    });
    expect(legacy.connectorName).toBe("ApiConnection");
    expect(cardInfo("Compose", { type: "Compose", inputs: 1 }).connectorName).toBe("Data operations");
  });

  it("tells a screen reader the step, its connector, its problems and how it ran", () => {
    const info = cardInfo("Notify_the_team", {
      type: "OpenApiConnection",
      inputs: {
        host: { apiId: "/providers/Microsoft.PowerApps/apis/shared_office365", operationId: "SendEmailV2" },
      },
    });
    expect(cardAriaLabel(info, undefined, undefined)).toBe(
      "Notify the team, Office 365 Outlook: Send an email (V2)",
    );
    expect(cardAriaLabel(info, { errors: 1, warnings: 0 }, "Failed")).toBe(
      "Notify the team, Office 365 Outlook: Send an email (V2), 1 error(s), 0 warning(s), Failed",
    );
  });
});
