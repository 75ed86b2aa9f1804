"""The domain core: IDs, policy, figures and the service functions. Never imports Qt."""
