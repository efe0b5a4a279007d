ampeco.Notification("ops-webhook", via="webhook", notifications=["chargePoint.changed", "evse.changed"],
    webhook={"callback_url": "https://hooks.example.com/ampeco"})
