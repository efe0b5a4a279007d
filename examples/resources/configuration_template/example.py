ampeco.ConfigurationTemplate("fleet-defaults", name="Fleet defaults", ocpp_version="ocpp 1.6", variables=[
    {"key_name": "HeartbeatInterval", "value": "300"},
    {"key_name": "MeterValueSampleInterval", "value": "60"},
])
